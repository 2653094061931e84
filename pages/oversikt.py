from lagesbild.ui import overview_ui, router

router.ensure(__file__)
overview_ui.render()
