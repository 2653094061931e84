from lagesbild.ui import omraden_ui

omraden_ui.render()
