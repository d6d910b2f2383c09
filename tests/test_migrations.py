"""The migrations build exactly the models' schema, and undo it."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from quizapp.extensions import db


def _diff() -> list:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_yields_the_models_schema(fresh_app):
    with fresh_app.app_context():
        upgrade()
        assert _diff() == []


def test_downgrade_removes_every_table(fresh_app):
    with fresh_app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert _diff() == []
