"""Drop the person table: the generator's people were stored but nothing read them

Revision ID: fffdf0dcfb7d
Revises: 5f2f219c3041
Create Date: 2026-12-02 15:55:04.534636

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "fffdf0dcfb7d"
down_revision = "5f2f219c3041"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("person")


def downgrade():
    # The table comes back empty: the people of past imports are not recoverable.
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("role", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_person_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("article_id", "name", name=op.f("uq_person_article_id_name")),
    )
