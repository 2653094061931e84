from lagesbild.ui import meeting_ui, router

router.ensure(__file__)
meeting_ui.render()
