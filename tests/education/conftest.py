import pytest
from django.test import Client


@pytest.fixture
def patient():
    """A second browser that never signs in, for checking what patients see beside staff."""
    return Client()
