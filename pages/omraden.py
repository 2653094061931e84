from lagesbild.ui import omraden_ui, router

router.ensure(__file__)
omraden_ui.render()
