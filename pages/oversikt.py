from lagesbild.ui import overview_ui

overview_ui.render()
