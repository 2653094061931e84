from lagesbild.ui import reform_ui, router

router.ensure()
reform_ui.render()
