"""Administration: Samverkanspartner, Fokusområden and Reformer — a table of the entries and
forms to add, edit and retire them (lagesbild.store.reference). Admins only; the store checks
the right again. A form keeps what was typed until it is saved, and names the data version the
entry was read at, so a change someone else made meanwhile is not overwritten."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from lagesbild.queries import reference as rv
from lagesbild.errors import ConflictError
from lagesbild.store import reference as ref
from lagesbild.ui import forms
from lagesbild.ui.auth import may
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.session import actor
from lagesbild.ui.state import lang, store, text as _t

KEY = "ref_"
FLASH = "_ref_flash"
LONG = {"scope_sv", "scope_en", "title_sv", "title_en"}  # edited in a text area


@dataclass(frozen=True)
class Section:
    entity: str
    title: str  # i18n key
    table: tuple[str, ...]  # columns shown in the table
    add_fields: tuple[str, ...]
    edit_fields: tuple[str, ...]
    add: Callable  # (session, actor, values) -> key
    edit: Callable  # (session, actor, key, seen, values) -> None
    names: tuple[str, str]  # the column that names an entry in Swedish, in English
    note: str = ""  # i18n key shown above the add form

    def label(self, row: dict, lg: str) -> str:
        name = row[self.names[1 if lg == "en" else 0]]
        return f"{row['number']}. {name}" if "number" in row else name


SECTIONS = (
    Section("partner", "ref.partners", ("name", "short_name", "kind"), ("name", "short_name", "kind"),
            ("name", "short_name", "kind"),
            lambda s, who, v: ref.add_partner(s, who, ref.PartnerInput(**v)),
            lambda s, who, k, seen, v: ref.edit_partner(s, who, k, seen, ref.PartnerInput(**v)), ("name", "name")),
    Section("focus_area", "ref.focus_areas", ("name_sv", "name_en"), ("name_sv", "name_en", "scope_sv", "scope_en"),
            ("name_sv", "name_en", "scope_sv", "scope_en"),
            lambda s, who, v: ref.add_focus_area(s, who, ref.FocusAreaInput(**v)),
            lambda s, who, k, seen, v: ref.edit_focus_area(s, who, k, seen, ref.FocusAreaInput(**v)),
            ("name_sv", "name_en")),
    Section("reform", "ref.reforms", ("number", "title_sv", "theme", "responsible"),
            ("title_sv", "title_en", "theme", "responsible"), ("title_sv", "title_en"),
            lambda s, who, v: ref.add_reform(s, who, ref.ReformInput(**v)),
            lambda s, who, k, seen, v: ref.reword_reform(s, who, k, seen, v["title_sv"], v["title_en"]),
            ("title_sv", "title_en"), note="ref.reform_add_note"),
)


def render() -> None:
    if not may("admin.roles", actor()):  # admins only: readers and editors never see these forms
        return
    forms.flash(FLASH)
    for section in SECTIONS:
        _section(section)


def _section(sec: Section) -> None:
    lg = lang()
    st.header(_t(sec.title))
    st.caption(_t("ref.intro"))
    with store().session() as s:
        rows = ref.entries(s, sec.entity)
    gone = rv.retired(rows)
    shown = rows[list(sec.table)].rename(columns={c: _t(f"ref.col.{c}") for c in sec.table})
    shown[_t("ref.col.state")] = [_t("ref.retired" if g else "ref.active") for g in gone]
    st.dataframe(shown, hide_index=True, key=f"{KEY}{sec.entity}_table")
    by_key = {r["id"]: r for r in rows.to_dict("records")}
    labels = {k: rv.mark(sec.label(r, lg), g, lg) for (k, r), g in zip(by_key.items(), gone)}
    chosen = st.selectbox(_t("ref.choose"), [None, *by_key], key=f"{KEY}{sec.entity}_pick",
                          format_func=lambda k: _t("ref.new") if k is None else labels[k])
    row = by_key.get(chosen)
    fields = sec.add_fields if row is None else sec.edit_fields
    fk = f"{KEY}{sec.entity}_{chosen or 'ny'}"
    seen_key = fk + "_seen"  # the version the form was opened at, until it is saved
    forms.clear_if_saved(fk, [f"{fk}_{c}" for c in fields] + [seen_key])
    if row is not None:
        st.session_state.setdefault(seen_key, int(row["valid_from"]))
    for c in fields:
        st.session_state.setdefault(f"{fk}_{c}", "" if row is None else row[c] or "")
    if sec.note and row is None:
        st.caption(_t(sec.note))
    with st.form(fk, enter_to_submit=False):
        values = {c: (st.text_area if c in LONG else st.text_input)(_t(f"ref.col.{c}"), key=f"{fk}_{c}") for c in fields}
        submitted = st.form_submit_button(_t("ref.save"), type="primary", key=fk + "_save")
    who = actor()
    if submitted:
        if row is None:
            fn = lambda s: sec.add(s, who, values)  # noqa: E731
        else:
            fn = lambda s: sec.edit(s, who, chosen, st.session_state[seen_key], values)  # noqa: E731
        _conflict_rereads(fk, forms.write(fn, _t("ref.saved", name=values[fields[0]].strip()), store=store(), form=fk,
                                    flash_key=FLASH))
    if row is None:
        return
    if sec.entity == "reform":
        _wording(chosen)
    if not gone[rows["id"] == chosen].iloc[0]:
        _retire(sec, chosen, labels[chosen], fk)


def _conflict_rereads(fk: str, err) -> None:
    """After a conflict the user has seen the newer version (in the table): saving again is allowed."""
    if isinstance(err, ConflictError):
        st.session_state.pop(fk + "_seen", None)


def _retire(sec: Section, key: str, label: str, fk: str) -> None:
    sure = st.checkbox(_t("ref.retire_confirm"), key=f"{fk}_retire_sure", help=_t("ref.retire_help"))
    if st.button(_t("ref.retire"), key=f"{fk}_retire", disabled=not sure):
        who = actor()
        err = forms.write(lambda s: ref.retire(s, who, sec.entity, key, st.session_state[fk + "_seen"]),
                    _t("ref.retired_done", name=label), store=store(), form=fk, flash_key=FLASH)
        _conflict_rereads(fk, err)


def _wording(rid: str) -> None:
    """The agreement's original wording stays the source; every rewording with who and when."""
    lg = lang()
    with store().session() as s:
        w = ref.wording(s, rid)
    st.markdown(f"**{_t('ref.original')}:** {md_escape(w.original_en if lg == 'en' else w.original_sv)}")
    st.caption(_t("ref.original_note"))
    if not w.changes:
        return
    st.markdown(f"**{_t('ref.wording_history')}**")
    unknown = _t("ref.unknown")
    st.markdown("\n".join(
        "- " + _t("ref.change_line", when=c.at.strftime("%Y-%m-%d %H:%M") if c.at else unknown, who=c.by or unknown,
                  old=md_escape(c.old_en if lg == "en" else c.old_sv), new=md_escape(c.new_en if lg == "en" else c.new_sv))
        for c in reversed(w.changes)))
