from lagesbild.ui import focus_ui, router

router.ensure()
focus_ui.render()
