"""The moto server, one request at a time.

moto's backends take no lock and its server runs requests on parallel threads, so two concurrent conditional
writes to one DynamoDB item can both succeed (seen about once in 100-400 rounds of 8 writers). DynamoDB makes each
such write atomic and our exactly-once tests rely on it, so requests are serialised here.

A table Query also reads only its partition here. moto 5.2 builds and sorts the list of every item in the table
for each Query, so each call slows as the table grows (the intake under load, with thousands of orders, fell far
behind). DynamoDB reads only the partition, and the answer is the same: the partition's items in range-key order.
Index queries are left to moto, and so is everything when moto's table is not shaped as expected.
"""
import argparse
import inspect
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

parser = argparse.ArgumentParser()
parser.add_argument("-H", "--host", default="127.0.0.1")
parser.add_argument("-p", "--port", type=int, default=5000)
args = parser.parse_args()



def read_only_the_partition_on_query():
    try:
        from moto.dynamodb.models.table import Table
        query_parameters = inspect.signature(Table.query)
        every_item = Table.all_items
        original_query = Table.query
    except (ImportError, AttributeError, ValueError, TypeError):
        return
    if "index_name" not in query_parameters.parameters:
        return
    current = threading.local()

    def all_items(self):
        hash_key = getattr(current, "hash_key", None)
        if hash_key is None or getattr(current, "table", None) is not self or not isinstance(self.items, dict):
            return every_item(self)
        partition = self.items.get(hash_key)
        return sorted(partition.values(), key=lambda item: item.range_key) if partition else []

    def query(self, hash_key, *args, **kwargs):
        try:
            index_name = query_parameters.bind(self, hash_key, *args, **kwargs).arguments.get("index_name")
        except TypeError:
            index_name = "unknown"
        if index_name or hash_key is None or not self.range_key_attr:
            return original_query(self, hash_key, *args, **kwargs)
        current.table, current.hash_key = self, hash_key
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            current.table, current.hash_key = None, None

    Table.all_items = all_items
    Table.query = query


read_only_the_partition_on_query()
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
