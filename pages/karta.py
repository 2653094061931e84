from lagesbild.ui import karta_ui, router

router.ensure()
karta_ui.render()
