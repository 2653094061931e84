"""The app's router. Page config, navigation from the page registry, and the
shared frame (header with the newest data date, demo banner, footer with sources)."""
import streamlit as st

from lagesbild.config import PROJECT_ROOT, load_kommun
from lagesbild.registry.pages import PAGES, sections
from lagesbild.ui import auth, layout, provenance, router, session, state, timing

timing.start()  # LAGESBILD_TIMING_LOG: the server's own time per run (lagesbild.ui.timing)
st.set_page_config(page_title=load_kommun().app_name, page_icon=str(PROJECT_ROOT / "static" / "favicon.png"), layout="wide")

menu_box = st.sidebar.container()  # the menu comes first in the sidebar; drawn once the pages are known
session.init_sidebar()
if not auth.may_view():  # OIDC mode before login: every address shows the login page
    st.navigation(auth.login_pages([s.slug for s in PAGES]), position="hidden").run()
    st.stop()
lang = state.lang()
who = auth.current_actor()
allowed = sections(lang, lambda permission: auth.may(permission, who))
pages = {
    section: [
        st.Page(spec.path, title=spec.title(lang), icon=f":material/{spec.icon}:",
                url_path=router.HOME if spec.default else spec.slug, default=spec.default)
        for spec in specs
    ]
    for section, specs in allowed.items()
}
# A page this user may not see is not in the menu and its file is not reachable; its address
# says so in Swedish instead of Streamlit's English "Page not found".
shown = {spec.slug for specs in allowed.values() for spec in specs}
for spec in PAGES:
    if spec.slug not in shown:
        pages.setdefault(spec.section(lang), []).append(
            st.Page(auth.not_allowed_page, title=spec.title(lang), url_path=spec.slug, visibility="hidden"))
home = next(p for ps in pages.values() for p in ps if p.url_path == "")  # the start page, served at "/"
start_spec = next(spec for spec in PAGES if spec.default)
pages[start_spec.section(lang)].append(router.alias(home, start_spec.slug))  # its slug opens it, not "Page not found"
nav = st.navigation(pages, position="hidden")
layout.menu(menu_box, pages)

layout.header(state.newest_data_now())
provenance.reset()
completed = False
try:
    router.run(nav)
    provenance.footer()
    completed = True
finally:  # also after st.stop or a rerun: the run's time is recorded, marked unfinished
    timing.record(nav.url_path or "", completed=completed)
