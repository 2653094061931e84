from lagesbild.ui import karta_ui, router

router.ensure(__file__)
karta_ui.render()
