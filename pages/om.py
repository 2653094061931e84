from lagesbild.ui import about_ui, router

router.ensure(__file__)
about_ui.render()
