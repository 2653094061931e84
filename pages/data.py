import streamlit as st

from lagesbild.registry.pages import page
from lagesbild.ui import data_ui, router
from lagesbild.ui.state import lang, picture

router.ensure()
st.title(page("data").title(lang()))
st.caption(
    "Här läser du in nya data från Brå, Kolada, Polisen, SCB och parterna. Varje fil granskas och "
    "visas innan något sparas; felaktiga filer sparas inte alls."
    if lang() == "sv" else
    "Load new data from Brå, Kolada, the Police, SCB and the partners here. Every file is checked and "
    "previewed before anything is saved; faulty files are not saved at all."
)
data_ui.render(picture())
