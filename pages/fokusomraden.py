from lagesbild.ui import focus_ui

focus_ui.render()
