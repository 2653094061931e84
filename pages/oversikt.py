from lagesbild.ui import overview_ui, router

router.ensure()
overview_ui.render()
