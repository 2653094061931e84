from lagesbild.ui import observations_ui, router

router.ensure()
observations_ui.render()
