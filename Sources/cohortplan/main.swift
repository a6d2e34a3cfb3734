print("cohortplan")
