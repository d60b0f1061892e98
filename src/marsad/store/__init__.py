"""Event store: SQLite by default, PostgreSQL by URL, one SQLAlchemy Core code path, Alembic migrations.

from marsad.store import Store, EventFilter
store = Store("sqlite:///marsad.db")          # or "postgresql://user@host:5432/db"
store.ingest_documents(docs)                   # docs with .events (extracted)
page = store.query_events(EventFilter(country="Iraq"), cursor=None, limit=100)
"""

from marsad.store.core import Store
from marsad.store.query import MAX_LIMIT, EventFilter, EventPage
from marsad.store.write import IngestReport, content_hash

__all__ = ["MAX_LIMIT", "EventFilter", "EventPage", "IngestReport", "Store", "content_hash"]
