import streamlit as st

from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.ui import data_ui, router
from lagesbild.ui.state import lang
from lagesbild.ui.session import picture

router.ensure()
st.title(page("data").title(lang()))
st.caption(t("data.intro", lang()))
data_ui.render(picture())
