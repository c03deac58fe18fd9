#!/usr/bin/env python3
"""Draws the README picture: the circle of helpers around the demo's 15-professional household.

Asks the running app (default http://127.0.0.1:8080/graphql) as the demo team lead, or as NABIJ_USER with
NABIJ_PASSWORD, and writes Graphviz to stdout:
    python3 docs/ecogram.py | neato -Tsvg -o docs/ecogram.svg
"""
import base64
import json
import os
import sys
import urllib.request

QUERY = """{ householdsAtAddress(postcode: "1311 HV", houseNumber: 15) {
  members { role }
  involvements { professional { id name discipline collaborators { id } } organisation { name kind } }
  overlap { professionalCount organisationCount uncoordinatedPairCount } } }"""

COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
           "#666666", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#ff7f00", "#6a3d9a"]

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/graphql"
credentials = f'{os.environ.get("NABIJ_USER", "teamlead")}:{os.environ.get("NABIJ_PASSWORD", "nabij-demo")}'
request = urllib.request.Request(url, data=json.dumps({"query": QUERY}).encode(),
                                 headers={"Content-Type": "application/json",
                                          "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode()})
household = json.load(urllib.request.urlopen(request))["data"]["householdsAtAddress"][0]
overlap = household["overlap"]
adults = sum(1 for m in household["members"] if m["role"] == "ADULT")
children = len(household["members"]) - adults

professionals, organisation_of = {}, {}
for involvement in household["involvements"]:
    professional = involvement["professional"]
    professionals[professional["id"]] = professional
    organisation_of[professional["id"]] = involvement["organisation"]["name"]
colour = {name: COLOURS[i % len(COLOURS)] for i, name in enumerate(sorted(set(organisation_of.values())))}

print('graph ecogram {')
print('  graph [overlap=false, splines=true, fontname="Helvetica", fontsize=14, labelloc=t, '
      f'label="One household, {overlap["professionalCount"]} professionals from {overlap["organisationCount"]} '
      f'organisations: {overlap["uncoordinatedPairCount"]} of the pairs have no collaboration link\\n'
      'green lines: the only pairs that coordinate"];')
print('  node [fontname="Helvetica", fontsize=10, style=filled, fontcolor=white, shape=box];')
print(f'  household [label="Huishouden\\n{adults} volwassenen, {children} kinderen", shape=house, '
      'fillcolor="#333333", fontsize=12, width=1.6, height=1.1];')
for pid, p in professionals.items():
    label = f'{p["name"]}\\n{p["discipline"].replace("_", " ").lower()}\\n{organisation_of[pid]}'
    print(f'  "{pid}" [label="{label}", fillcolor="{colour[organisation_of[pid]]}"];')
    print(f'  household -- "{pid}" [color="#bbbbbb", len=2.6];')
drawn = set()
for pid, p in professionals.items():
    for other in p["collaborators"]:
        pair = tuple(sorted((pid, other["id"])))
        if other["id"] in professionals and pair not in drawn:
            drawn.add(pair)
            print(f'  "{pair[0]}" -- "{pair[1]}" [color="#2e7d32", penwidth=3, len=1.5];')
print('}')
