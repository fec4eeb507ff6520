"""What each printed form shows: one module per area, each turning a record into the plain
dictionary its templates read (``forms/README.md`` lists the fields). Values are what the form
prints — labels, not codes, except where a code box shows the code."""
