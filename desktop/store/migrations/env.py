"""Alembic environment: always runs on the connection the app hands in."""

from alembic import context

from desktop.store.migrations_support import include_object
from desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
