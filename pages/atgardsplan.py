from lagesbild.ui import plan_ui, router

router.ensure()
plan_ui.render()
