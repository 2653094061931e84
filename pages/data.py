import streamlit as st

from lagesbild.registry.pages import page
from lagesbild.ui import data_ui, router
from lagesbild.ui.state import lang, picture

router.ensure()
st.title(page("data").title(lang()))
st.caption(
    "Här ser du vilka uppgifter som finns i lägesbilden per indikator och hur långt de räcker. "
    "Källorna beskrivs på sidan Om data och metod."
    if lang() == "sv" else
    "Which figures the situation picture holds per indicator and how far they reach. "
    "The sources are described on the page About data and method."
)
data_ui.render(picture())
