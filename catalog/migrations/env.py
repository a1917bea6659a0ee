"""Alembic environment: runs on the engine handed over by catalog.migrations."""
from alembic import context

from catalog.models import Base
import catalog.sharing.models  # noqa: F401  (its tables join Base.metadata)

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    context.run_migrations()
