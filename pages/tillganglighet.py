from lagesbild.ui import accessibility_ui, router

router.ensure(__file__)
accessibility_ui.render()
