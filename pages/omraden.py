from lagesbild.ui import omraden_ui, router

router.ensure()
omraden_ui.render()
