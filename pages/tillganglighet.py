from lagesbild.ui import accessibility_ui

accessibility_ui.render()
