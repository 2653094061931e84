from lagesbild.ui import focus_ui, router

router.ensure(__file__)
focus_ui.render()
