-- interaction extension: install script of the newest version (built from sql/install)
-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION interaction" to load this file. \quit
