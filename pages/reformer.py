from lagesbild.ui import reform_ui

reform_ui.render()
