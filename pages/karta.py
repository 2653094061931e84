from lagesbild.ui import karta_ui

karta_ui.render()
