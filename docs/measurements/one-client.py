#!/usr/bin/env python3
"""The long client of first-command.sh: 1,000,000 rows of client 1 (90 % deposits, 5 % withdrawals,
5 % disputes of earlier deposits), seed 7. Usage: one-client.py > one-client.csv"""
import random

random.seed(7)
print('type,client,tx,amount')
tx = 1
deposits = []
for _ in range(1_000_000):
    r = random.random()
    if r < 0.9 or not deposits:
        print(f'deposit,1,{tx},{random.randint(1, 100000) / 100:.2f}')
        deposits.append(tx)
        tx += 1
    elif r < 0.95:
        print(f'withdrawal,1,{tx},1.0')
        tx += 1
    else:
        print(f'dispute,1,{random.choice(deposits)},')
