"""Who is who on the newsroom server (issue 16, point 3): the staff's names, the two group roles
and the workflow enforced by the database itself.

On both engines: `staff` (login → full name), written by `editor-app server add-user`.

On PostgreSQL only:

- the group roles `editor_app_reporter` and `editor_app_editor` (NOLOGIN), created when missing.
  Roles belong to the whole cluster, not to this database: the migrating login needs CREATEROLE
  (or a superuser creates the two groups first). Without either the migration stops with
  SQLSTATE EA002 and a message saying so, and — PostgreSQL's DDL being transactional — nothing
  changes (`services/server_admin.py` shows it as `server init`'s message).
- both groups may read and write the app's tables and use its sequences (and the tables later
  migrations add: default privileges), read `alembic_version` and `staff` only.
- trigger functions (plpgsql) refuse, with SQLSTATE EA001 and a Vietnamese message, what a
  login that is not an editor (a superuser counts as one: `store/pg_roles.py`'s rules) may not
  do, so a desk that lies about its role is refused by the server: on `articles`, any status
  move but a reporter's (`domain.workflow.allowed_moves(…, Role.REPORTER)`), creating a story
  in another status than draft or submitted, changing the content of a story a reporter may
  not edit (`can_edit`), deleting such a story; any write to `publications` and `corrections`
  (an UPDATE that changes nothing passes). The moves and the labels are taken from
  `domain/workflow.py` when the migration runs: a later change of the workflow needs a new
  migration that re-creates these functions.

The downgrade drops the triggers, the functions and `staff`, and revokes what was granted; the
group roles stay (they are the cluster's, and another database may use them).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from editor_app.domain.workflow import Role, Status, allowed_moves, can_edit

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REFUSED = "EA001"  # store/pg_refusals.py names them for the code that catches them
NO_ROLES = "EA002"
GROUPS = ("editor_app_reporter", "editor_app_editor")
EDITOR_GROUP = "editor_app_editor"
# The story's content: what `can_edit` guards (status moves are checked on their own).
CONTENT = (
    "headline",
    "sapo",
    "body",
    "section",
    "secondary_sections",
    "keywords",
    "byline",
    "location",
    "event_date",
)
_READ_ONLY_TABLES = ("alembic_version", "staff")
_TRIGGERS = (
    ("articles", "editor_app_articles_guard", "INSERT OR UPDATE OR DELETE"),
    ("publications", "editor_app_editors_only", "INSERT OR UPDATE OR DELETE"),
    ("corrections", "editor_app_editors_only", "INSERT OR UPDATE OR DELETE"),
)
_FUNCTIONS = (
    "editor_app_articles_guard()",
    "editor_app_editors_only()",
    "editor_app_is_editor()",
    "editor_app_status_label(text)",
)


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _schema() -> str:
    """This database's schema for the app's tables, quoted (`public` as IT sets it up)."""
    name = str(op.get_bind().execute(sa.text("SELECT current_schema()")).scalar())
    return '"' + name.replace('"', '""') + '"'


def _q(value: str) -> str:
    """A SQL string literal of the app's own constant text."""
    return "'" + value.replace("'", "''") + "'"


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("login", sa.Text(), primary_key=True),
        sa.Column("full_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    if not _on_server():
        return
    op.execute(_create_groups_sql())
    _grant("GRANT")
    path = f"SET search_path = pg_catalog, {_schema()}, pg_temp"
    for sql in (_is_editor_sql(), _label_sql(), _articles_guard_sql(), _editors_only_sql()):
        op.execute(sql.replace("SET search_path = …", path))
    for table, function, events in _TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {function}_{table} BEFORE {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


def _create_groups_sql() -> str:
    """The two group roles when missing; EA002 when they are missing and this login may not
    create roles (another session creating one at the same moment is not an error)."""
    names = ", ".join(_q(g) for g in GROUPS)
    hint = (
        "Tài khoản đang chạy lệnh (" + "' || session_user || '" + ") không có quyền CREATEROLE "
        "nên không tạo được hai nhóm vai trò editor_app_reporter và editor_app_editor. "
        "Với tài khoản postgres, chạy một trong hai cách: ALTER ROLE <tài khoản này> CREATEROLE; "
        "hoặc CREATE ROLE editor_app_reporter NOLOGIN; CREATE ROLE editor_app_editor NOLOGIN; "
        "rồi chạy lại lệnh. Cơ sở dữ liệu không bị thay đổi."
    )
    return f"""
DO $$
DECLARE
  g text;
  may_create boolean;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO may_create FROM pg_roles WHERE rolname = current_user;
  FOREACH g IN ARRAY ARRAY[{names}] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      IF NOT may_create THEN
        RAISE EXCEPTION USING ERRCODE = '{NO_ROLES}', MESSAGE = '{hint}';
      END IF;
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END
$$"""


def _grant(verb: str) -> None:
    """GRANT (or REVOKE) the groups' rights on this schema's tables, sequences and later ones."""
    to = "TO" if verb == "GRANT" else "FROM"
    groups = ", ".join(GROUPS)
    dml = "SELECT, INSERT, UPDATE, DELETE"
    schema = _schema()
    op.execute(f"{verb} USAGE ON SCHEMA {schema} {to} {groups}")
    tables = sa.text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
    )
    for (table,) in op.get_bind().execute(tables):
        rights = "SELECT" if table in _READ_ONLY_TABLES else dml
        op.execute(f'{verb} {rights if verb == "GRANT" else "ALL"} ON "{table}" {to} {groups}')
    op.execute(f"{verb} USAGE ON ALL SEQUENCES IN SCHEMA {schema} {to} {groups}")
    later = f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} {verb}"
    op.execute(f"{later} {dml} ON TABLES {to} {groups}")
    op.execute(f"{later} USAGE ON SEQUENCES {to} {groups}")


def _is_editor_sql() -> str:
    """Whether the session's login is an editor: a superuser, or a member of the editors'
    group (`store/pg_roles.py`). The session's login, not the current role: SET ROLE changes
    nothing here."""
    return f"""
CREATE FUNCTION editor_app_is_editor() RETURNS boolean
LANGUAGE sql STABLE SET search_path = … AS $$
  SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
      OR coalesce((SELECT pg_has_role(session_user, oid, 'MEMBER')
                   FROM pg_roles WHERE rolname = {_q(EDITOR_GROUP)}), false)
$$"""


def _label_sql() -> str:
    cases = "\n".join(f"    WHEN {_q(s.value)} THEN {_q(s.label_vi)}" for s in Status)
    return f"""
CREATE FUNCTION editor_app_status_label(status text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = … AS $$
  SELECT CASE status
{cases}
    ELSE status END
$$"""


def _articles_guard_sql() -> str:
    reporter = Role.REPORTER
    moves = ", ".join(
        _q(f"{s.value}>{t.value}") for s in Status for t in allowed_moves(s, reporter)
    )
    creatable = ", ".join(_q(s.value) for s in (Status.DRAFT, Status.SUBMITTED))
    locked = ", ".join(_q(s.value) for s in Status if not can_edit(s, reporter))
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in CONTENT)
    who = reporter.label_vi
    return f"""
CREATE FUNCTION editor_app_articles_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = … AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status IN ({creatable}) OR editor_app_is_editor() THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
      MESSAGE = '{who} không được tạo bài ở trạng thái '
                || editor_app_status_label(NEW.status) || '.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.status NOT IN ({locked}) OR editor_app_is_editor() THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
      MESSAGE = 'Bài đang ở trạng thái ' || editor_app_status_label(OLD.status)
                || ': {who.lower()} không được xóa bài này.';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND (OLD.status || '>' || NEW.status) NOT IN ({moves})
     AND NOT editor_app_is_editor() THEN
    RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
      MESSAGE = '{who} không được chuyển bài từ ' || editor_app_status_label(OLD.status)
                || ' sang ' || editor_app_status_label(NEW.status) || '.';
  END IF;
  IF OLD.status IN ({locked}) AND ({changed}) AND NOT editor_app_is_editor() THEN
    RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
      MESSAGE = 'Bài đang ở trạng thái ' || editor_app_status_label(OLD.status)
                || ': {who.lower()} không được sửa bài này.';
  END IF;
  RETURN NEW;
END
$$"""


def _editors_only_sql() -> str:
    return f"""
CREATE FUNCTION editor_app_editors_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = … AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NEW;
  END IF;
  IF editor_app_is_editor() THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
    MESSAGE = '{Role.REPORTER.label_vi} không được xuất bản, đính chính hay gỡ bài '
              || '(chỉ biên tập viên).';
END
$$"""


def downgrade() -> None:
    if _on_server():
        for table, function, _events in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {function}_{table} ON {table}")
        for function in _FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        _grant("REVOKE")
    op.drop_table("staff")
