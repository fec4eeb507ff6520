"""The workbench (工作台): the first page after login."""
