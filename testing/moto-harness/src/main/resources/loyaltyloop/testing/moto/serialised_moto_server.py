"""The moto server, one request at a time.

moto's backends take no lock and its server runs requests on parallel threads, so two concurrent conditional
writes to one DynamoDB item can both succeed (seen about once in 100-400 rounds of 8 writers). DynamoDB makes each
such write atomic and our exactly-once tests rely on it, so requests are serialised here.
"""
import argparse
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

parser = argparse.ArgumentParser()
parser.add_argument("-H", "--host", default="127.0.0.1")
parser.add_argument("-p", "--port", type=int, default=5000)
args = parser.parse_args()

app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def serialised(environ, start_response):
    # The whole body is produced under the lock: a lazy body would run backend code after it is released.
    with lock:
        result = app(environ, start_response)
        try:
            return [b"".join(result)]
        finally:
            if hasattr(result, "close"):
                result.close()


run_simple(args.host, args.port, serialised, threaded=True)
