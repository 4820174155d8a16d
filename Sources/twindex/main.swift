print("twindex")
