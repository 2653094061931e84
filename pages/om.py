from lagesbild.ui import about_ui, router

router.ensure()
about_ui.render()
