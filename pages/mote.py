from lagesbild.ui import meeting_ui, router

router.ensure()
meeting_ui.render()
