from lagesbild.ui import accessibility_ui, router

router.ensure()
accessibility_ui.render()
