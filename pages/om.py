from lagesbild.ui import about_ui

about_ui.render()
