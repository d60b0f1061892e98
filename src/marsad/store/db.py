"""Engines and migrations: one code path for SQLite and PostgreSQL.

`postgresql://…` URLs are translated to SQLAlchemy's psycopg 3 dialect; a bare file path becomes
a SQLite URL. Migrations (Alembic, shipped in the package) run on every open, so a database made
by an older marsad is brought up to date and a new one is created.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from marsad.errors import ErrorCode, MarsadError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def sqlalchemy_url(url: str) -> str:
    """Accept what a user would type and return SQLAlchemy's form."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    if "://" in url:
        raise MarsadError(ErrorCode.CONFIG, f"unsupported database URL {url!r} (sqlite:/// or postgresql://)")
    return f"sqlite:///{url}"  # a plain path: a SQLite file


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers (the API) do not block the writer (ingest); synchronous=NORMAL is still
    # crash-safe in WAL mode (a committed transaction survives a killed process).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    sa_url = sqlalchemy_url(url)
    if sa_url.startswith("sqlite"):
        path = sa_url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(sa_url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(sa_url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def make_null_pool_engine(url: str) -> Engine:
    """For short-lived administrative connections (creating test databases)."""
    return create_engine(sqlalchemy_url(url), poolclass=NullPool, isolation_level="AUTOCOMMIT")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    cfg.set_main_option("path_separator", "os")
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (creates it when empty)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.debug("database at %s migrated", engine.url.render_as_string(hide_password=True))
