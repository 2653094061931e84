from lagesbild.ui import reform_ui, router

router.ensure(__file__)
reform_ui.render()
