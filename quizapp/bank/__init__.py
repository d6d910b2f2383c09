"""The question bank: importing articles, storing generated questions, interchange."""
