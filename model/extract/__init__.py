"""Document -> annotations, as small named steps (see :mod:`model.extract.pipeline`)."""
