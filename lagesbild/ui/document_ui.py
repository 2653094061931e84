"""The Lägesbildsdokument page: a year (?ar=2025), the document's parts and sections with their
verdicts and the figures and tables they hold, the analysis per section (a form for users who
may write the åtgärdsplan; the store checks again), and the DOCX and PDF to download.

The document is lagesbild.document's model, built from the page's picture; the files are drawn
only when asked for (the charts take some seconds)."""
from __future__ import annotations

import re

import streamlit as st

from lagesbild import document
from lagesbild.queries import indicators as iv
from lagesbild.errors import ConflictError, LagesbildError, ValidationError
from lagesbild.store import action_plan as ap
from lagesbild.store import analysis as an
from lagesbild.ui import auth, forms, provenance
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.session import actor, picture
from lagesbild.ui.state import lang, store, text as _t
from lagesbild.ui.urlstate import url_selectbox

PARAM = "ar"
FILES = "doc_files"
RESULT = "doc_result"


def render() -> None:
    lg = lang()
    pic = picture()
    st.title(_t("doc.page.title"), anchor=False)
    st.markdown(_t("doc.page.intro"))
    years = [str(y) for y in document.years(pic)]
    if not years:
        st.info(_t("doc.page.no_data"), icon=":material/hourglass_empty:")
        return
    chosen = url_selectbox(_t("doc.page.year"), years, param=PARAM, default=str(document.default_year(pic)))
    year = int(chosen)
    msg = st.session_state.pop(RESULT, None)
    if msg:
        st.success(msg, icon=":material/check_circle:")
    with store().session() as s:
        plan, analyses = ap.plan_frame(s), an.latest(s, year)
        earlier = an.history(s, year) if auth.may("analysis.write") else None
    key = ("document", year, lg, tuple(sorted((k, v["id"]) for k, v in analyses.items())),
           tuple(zip(plan["id"], plan["version"])))
    doc = iv.memo(pic, key, lambda: document.build(pic, year, plan=plan, analyses=analyses, lang=lg))
    _files(doc, key)
    for part in doc.parts:
        st.header(part.title, anchor=False)
        st.markdown(md_escape(part.intro))
        for s in part.sections:
            _section(doc, s, analyses.get(s.key), earlier)


def _files(doc: document.Document, key) -> None:
    """"Ta fram filerna" draws the charts once for both files; the download buttons follow."""
    with st.container(border=True, key="doc_filer"):
        st.markdown(_t("doc.page.files"))
        ready = st.session_state.get(FILES)
        if ready is None or ready[0] != key:
            if st.button(_t("doc.page.make"), icon=":material/description:", key="doc_make"):
                ready = _make(doc, key)
        if ready is not None and ready[0] == key:
            name = re.sub(r"[^0-9A-Za-z_-]+", "_", f"lagesbild_{doc.kommun}_{doc.year}")
            c1, c2 = st.columns(2)
            c1.download_button(_t("doc.page.docx"), ready[1], file_name=f"{name}.docx", icon=":material/download:",
                               mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               key="doc_docx")
            c2.download_button(_t("doc.page.pdf"), ready[2], file_name=f"{name}.pdf", icon=":material/download:",
                               mime="application/pdf", key="doc_pdf")


def _make(doc: document.Document, key):
    from lagesbild.export import document_docx, document_images, document_pdf
    from lagesbild.export.images import ExportUnavailable

    try:
        with st.spinner(_t("doc.page.making")):
            images = document_images.render(doc)
            ready = (key, document_docx.document_docx(doc, images), document_pdf.document_pdf(doc, images))
    except ExportUnavailable:  # its own message names the installation; readers get the plain one
        st.error(_t("doc.page.no_charts"), icon=":material/error:")
        return None
    st.session_state[FILES] = ready
    return ready


def _section(doc: document.Document, s: document.Section, latest: dict | None, earlier) -> None:
    lg = doc.lang
    with st.container(border=True, key=f"doc_{re.sub(r'[^0-9A-Za-z_-]', '_', s.key)}"):
        st.subheader(s.title, anchor=False)
        st.markdown(f"**{_t('doc.verdict')}**")
        st.markdown("\n".join(f"- {md_escape(line)}" for line in s.verdict.lines))
        for note in s.verdict.notes:
            st.caption(md_escape(note))
        p = s.verdict.provenance
        if p is not None:
            provenance.caption(list(p.source_ids), p.data_tom, note=s.verdict.rule)
        else:
            st.caption(md_escape(s.verdict.rule))
        st.caption(_t("doc.page.holds", figures=len(s.figures), tables=len(s.tables)) + " "
                   + "; ".join(md_escape(x) for x in [f.summary for f in s.figures] + [tb.title for tb in s.tables]))
        st.markdown(f"**{_t('doc.analysis')}**")
        a = s.analysis
        if a is None or a.missing:
            st.warning(_t("doc.analysis_missing"), icon=":material/edit_note:")
        else:
            st.markdown(md_escape(a.text))
            st.caption(_t("doc.analysis_by", author=md_escape(a.author or ""), day=a.written.strftime("%Y-%m-%d")
                          if a.written else ""))
        if auth.may("analysis.write"):
            _form(doc.year, s, latest, earlier[earlier["section"] == s.key].iloc[1:] if earlier is not None else None)


def _form(year: int, s: document.Section, latest: dict | None, earlier) -> None:
    """The section's analysis. The form's key carries the text it replaces, so a saved text is
    read afresh; a refused save keeps what was typed and names what is wrong."""
    seen = latest["id"] if latest else None
    fk = f"doc_analys_{year}_{re.sub(r'[^0-9A-Za-z_]', '_', s.key)}_{seen or 0}"
    with st.expander(_t("doc.page.write"), icon=":material/edit:"):
        with st.form(fk):
            text = st.text_area(_t("doc.analysis"), value=latest["text"] if latest else "", height=180,
                                max_chars=an.MAX_TEXT, key=f"{fk}_text", help=_t("doc.page.write_help"))
            saved = st.form_submit_button(_t("doc.page.save"), icon=":material/save:", type="primary", key=f"{fk}_submit")
        if earlier is not None and not earlier.empty:  # the history: every text kept, newest first
            st.markdown(f"**{_t('doc.page.earlier', n=len(earlier))}**")
            for r in earlier.itertuples():
                st.caption(_t("doc.analysis_by", author=md_escape(r.author), day=r.created_at.strftime("%Y-%m-%d %H:%M")))
                st.markdown(md_escape(r.text))
        if not saved:
            return
        try:
            with store().transaction() as sess:
                an.save(sess, actor(), year, s.key, text, replaces=seen)
        except ValidationError as err:
            forms.refusal(err)
            return
        except (ConflictError, LagesbildError) as err:
            st.error(str(err), icon=":material/error:")
            return
        st.session_state[RESULT] = _t("doc.page.saved", section=s.title)
        st.session_state.pop(FILES, None)
        st.rerun()
