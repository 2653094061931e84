from lagesbild.ui import document_ui, router

router.ensure()
document_ui.render()
