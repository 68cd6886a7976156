"""The moto server, one request at a time.

moto's backends take no lock and its server runs requests on parallel threads, so two concurrent conditional
writes to one DynamoDB item can both succeed (seen about once in 100-400 rounds of 8 writers). DynamoDB makes each
such write atomic and our exactly-once tests rely on it, so requests are serialised here.

A table Query also reads only its partition here. moto 5.2 builds and sorts the list of every item in the table
for each Query, so each call slows as the table grows (the intake under load, with thousands of orders, fell far
behind). DynamoDB reads only the partition, and the answer is the same: the partition's items in range-key order.
Index queries are left to moto, and so is everything when moto's table is not shaped as expected.

A cancelled TransactWriteItems undoes only its own items here. moto 5.2 deep-copies every table a transaction names
before it starts and puts the copy back when it is cancelled: a whole-table snapshot, so a write that lands between
the copy and the restore is lost (a balance debited without its ledger entry), and each transaction costs a copy of
the whole table. DynamoDB undoes nothing but the transaction's own items; so does this, and the serialisation
below keeps two transactions from interleaving. MotoTransactionsTest shows every committed write survives.
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


def transactions_undo_only_their_own_items():
    try:
        import copy
        import moto.dynamodb.models as backend_module
        from moto.dynamodb.models import DynamoDBBackend
        from moto.dynamodb.models.table import Table
        original_transact = DynamoDBBackend.transact_write_items
        original_keys = DynamoDBBackend.get_keys_value
    except (ImportError, AttributeError):
        return
    if getattr(backend_module, "copy", None) is not copy:
        return

    class TablesAreNotCopied:
        """moto's module sees this as `copy`: its whole-table snapshot becomes the table itself (a no-op restore)."""

        def __getattr__(self, name):
            return getattr(copy, name)

        @staticmethod
        def deepcopy(value, *args, **kwargs):
            if isinstance(value, Table):
                return value
            return copy.deepcopy(value, *args, **kwargs)

    def transact_write_items(self, transact_items, *args, **kwargs):
        before = []
        for entry in transact_items or []:
            try:
                op_type, op = next(iter(entry.items()))
                table = self.get_table(op["TableName"])
                hash_key, range_key = original_keys(self, table, op["Item"] if op_type == "Put" else op["Key"])
            except Exception:
                continue  # a malformed operation: moto refuses it below, before anything is written
            before.append((table, hash_key, range_key, copy.deepcopy(table.get_item(hash_key, range_key))))
        try:
            return original_transact(self, transact_items, *args, **kwargs)
        except Exception:
            for table, hash_key, range_key, item in reversed(before):
                if item is None:
                    table.delete_item(hash_key, range_key)
                elif range_key is not None:
                    table.items[hash_key][range_key] = item
                else:
                    table.items[hash_key] = item
            raise

    backend_module.copy = TablesAreNotCopied()
    DynamoDBBackend.transact_write_items = transact_write_items


read_only_the_partition_on_query()
transactions_undo_only_their_own_items()
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
