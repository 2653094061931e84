import streamlit as st

from lagesbild.registry.pages import page
from lagesbild.ui import admin_ui, auth, router
from lagesbild.ui.state import lang

router.ensure()
if not auth.may(page("administration").permission):  # the menu hides it; the page checks again
    auth.not_allowed_page()
    st.stop()
st.title(page("administration").title(lang()))
admin_ui.render_page()
