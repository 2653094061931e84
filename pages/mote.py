from lagesbild.ui import meeting_ui

meeting_ui.render()
